package vn.edialog.query.support;

import java.time.Instant;
import java.time.LocalDateTime;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.pki.GeneratedPki;

/** The demo tenant's agencies and test askers (names and ids as in the test PKI's certificates), and Vietnam time. */
public final class Parties {

    public static final String TENANT = "demo";
    public static final String OTHER_TENANT = "other";
    public static final String UBND = "ubnd";
    public static final String SKHDT = "skhdt";
    public static final String STNMT = "stnmt";
    public static final String THUE = "thue";

    public static final Actor BUSINESS = new Actor(
            ActorKind.BUSINESS, "MST:" + GeneratedPki.BUSINESS_MST, "Công ty TNHH Thương mại Hoàng Long", null);
    public static final Actor OTHER_BUSINESS = new Actor(
            ActorKind.BUSINESS, "MST:" + GeneratedPki.BUSINESS_RSA_MST, "Công ty Cổ phần Đầu tư Sông Hồng", null);
    public static final Actor CITIZEN =
            new Actor(ActorKind.CITIZEN, "CCCD:" + GeneratedPki.CITIZEN_CCCD, "Nguyễn Thị Hương", null);
    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system", "Hệ thống eDialog", null);

    private Parties() {}

    /** An official acting for {@code agency}. */
    public static Actor official(String agency) {
        return new Actor(ActorKind.OFFICIAL, "cb-" + agency + "-01", "Cán bộ " + agency, agency);
    }

    /** The instant of a Vietnamese wall-clock time, written {@code 2026-03-06T16:30}. */
    public static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(WorkingDayCalendar.VIETNAM)
                .toInstant();
    }
}
