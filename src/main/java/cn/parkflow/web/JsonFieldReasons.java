package cn.parkflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a JSON body could not be read, in Chinese: the field as the client wrote it and what is
 * wrong with its value, or where the text stops being JSON.
 */
final class JsonFieldReasons {

    private JsonFieldReasons() {
    }

    static String of(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + "：" + reason(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
            return "请求内容不是有效的 JSON（第" + parse.getLocation().getLineNr() + "行第"
                    + parse.getLocation().getColumnNr() + "列）";
        }
        return e.getCause() == null ? "请求内容：不能为空，应为 JSON" : "请求内容不是有效的 JSON";
    }

    /** {@code holidays[2]}, {@code applicant.name}: the field as the client wrote it. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof InputHygiene.TextRefused) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class) {
                return "格式不正确，应为整数";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class) {
                return "格式不正确，应为数字";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "格式不正确，应为 true 或 false";
            }
            if (Temporal.class.isAssignableFrom(type)) {
                return "格式不正确，日期应如 2026-05-01";
            }
        }
        return "格式不正确";
    }
}
