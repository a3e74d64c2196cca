package cn.parkflow.document;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values a template shows, as a document prints them: dates (also ISO {@code 2026-11-28} text)
 * as 2026年11月28日, numbers without trailing zeros, flags kept for {@code {{#flag}}} sections; the
 * case ({@code caseNumber}, {@code caseTitle}, {@code applicant}); and the document's own
 * {@code issuer}, {@code documentNumber} and {@code documentDate} (二〇二六年十一月二十八日).
 */
final class DocumentModel {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DocumentModel() {
    }

    static Map<String, Object> of(Map<String, Object> variables, CaseRecord record) {
        Map<String, Object> model = new HashMap<>();
        variables.forEach((name, value) -> {
            Object shown = shown(value);
            if (shown != null) {
                model.put(name, shown);
            }
        });
        model.put("caseNumber", record.number());
        model.put("caseTitle", record.title());
        model.put("applicant", record.applicantName());
        model.put("caseOpenedOn", ChineseDates.inText(record.openedAt().atZone(EngineClock.ZONE).toLocalDate()));
        return model;
    }

    /** Organ names longer than this print smaller, so the red head stays on one line. */
    private static final int LONG_ISSUER = 14;

    static void addDocument(Map<String, Object> model, String issuer, String number, LocalDate date) {
        model.put("issuer", issuer);
        model.put("issuerLong", issuer.length() > LONG_ISSUER);
        model.put("documentNumber", number);
        model.put("documentDate", ChineseDates.ofIssue(date));
    }

    static Object shown(Object value) {
        if (value instanceof Date date) {
            return ChineseDates.inText(date.toInstant().atZone(EngineClock.ZONE).toLocalDate());
        }
        if (value instanceof Instant instant) {
            return ChineseDates.inText(instant.atZone(EngineClock.ZONE).toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return ChineseDates.inText(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return ChineseDates.inText(dateTime.toLocalDate());
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof CharSequence text && ISO_DATE.matcher(text).matches()) {
            try {
                return ChineseDates.inText(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return text.toString();
            }
        }
        if (value instanceof TemporalAccessor) {
            return null;
        }
        return value;
    }
}
