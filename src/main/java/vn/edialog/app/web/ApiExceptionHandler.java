package vn.edialog.app.web;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.DialogueRefusal;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.signature.RefusalReason;
import vn.edialog.command.signature.SignatureRefusal;

/**
 * Maps every refusal of the API (the {@code @RestController}s) to an RFC 9457 problem detail with a stable type;
 * nothing was stored when one is returned. Pages render their errors as pages (templates/error.html).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(SignatureRefusal.class)
    ProblemDetail signature(SignatureRefusal refusal) {
        RefusalReason reason = refusal.reason();
        HttpStatus status =
                switch (reason) {
                    case BAD_ENCODING, NOT_CANONICAL, BAD_PAYLOAD -> HttpStatus.BAD_REQUEST;
                    case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                    case IDENTITY_MISMATCH -> HttpStatus.FORBIDDEN;
                    case REPLAYED_NONCE -> HttpStatus.CONFLICT;
                    case REVOCATION_UNKNOWN -> HttpStatus.SERVICE_UNAVAILABLE;
                    default -> HttpStatus.UNPROCESSABLE_ENTITY;
                };
        return Problems.of(status, reason.code(), SignatureTitles.title(reason), refusal.getMessage());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> intake(ApiProblem refusal) {
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refusal.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds().toString());
        }
        return answer.body(Problems.of(refusal.status(), refusal.code(), refusal.title(), refusal.getMessage()));
    }

    @ExceptionHandler(DialogueRefusal.class)
    ProblemDetail dialogue(DialogueRefusal refusal) {
        HttpStatus status;
        if (refusal instanceof ActorNotAuthorized) {
            status = HttpStatus.FORBIDDEN;
        } else if (refusal instanceof InvalidCommand) {
            status = HttpStatus.BAD_REQUEST;
        } else {
            // ActionNotAllowed, DialogueAlreadyClosed, DialogueAlreadyExists: the dialogue's state forbids it now
            status = HttpStatus.CONFLICT;
        }
        return Problems.of(status, refusal.code(), "The dialogue refused the command", refusal.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-dialogue", "Unknown dialogue", e.getMessage());
    }

    /** Two commands on one dialogue at once: the event store's unique sequence let one win; retry the other. */
    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ProblemDetail conflict(RuntimeException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "conflict",
                "Concurrent change",
                "Another command changed this dialogue at the same time; nothing was stored, send again with a new"
                        + " nonce");
    }

    @ExceptionHandler(EventStoreException.class)
    ProblemDetail eventStore(EventStoreException e) {
        if (e.getCause() instanceof DuplicateKeyException) {
            return conflict(e);
        }
        throw e;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem refusal) {
                return ResponseEntity.status(refusal.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(intake(refusal).getBody());
            }
        }
        return problem(Problems.of(
                HttpStatus.BAD_REQUEST,
                "bad-encoding",
                "The request is not a signed envelope",
                "The body must be a JSON object {\"payload\": base64, \"signature\": base64}"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "bad-encoding",
                "Unsupported media type",
                "Send the envelope as application/json"));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badPath(MethodArgumentTypeMismatchException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "bad-payload",
                "Bad path parameter",
                "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    /** Anything unforeseen: logged in full, answered without internals. The transaction was rolled back. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The request could not be handled; nothing was stored. The error was logged.");
    }
}
