package vn.edialog.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The stable RFC 9457 problem types of the API: {@code urn:edialog:problem:<code>}. Clients switch on the type; the
 * title is English, the detail says what exactly was wrong.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:edialog:problem:";

    private Problems() {}

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
