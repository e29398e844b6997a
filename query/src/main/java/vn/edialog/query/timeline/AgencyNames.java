package vn.edialog.query.timeline;

/** The names of a province's agencies, for the timeline's summaries. */
@FunctionalInterface
public interface AgencyNames {

    /** Names agencies by their codes: what a province unknown to the configuration shows. */
    AgencyNames CODES = (tenant, agency, english) -> agency;

    /** The agency's name in English or Vietnamese; its code when the province or the agency is not known. */
    String name(String tenant, String agency, boolean english);
}
