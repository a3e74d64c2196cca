package cn.parkflow.casefile;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the documents stored with cases.
 *
 * @param maxBytes largest file accepted (Spring's multipart limit sits just above it)
 * @param types    accepted content types; each must be one whose signature the kernel knows
 *                 ({@link FileSignature}): PDF, JPEG, PNG, OFD
 */
@Validated
@ConfigurationProperties("parkflow.casefile.documents")
record DocumentProperties(
        @DefaultValue("20971520") @Min(1) long maxBytes,
        @DefaultValue({"application/pdf", "image/jpeg", "image/png", "application/ofd"}) @NotEmpty List<String> types) {

    DocumentProperties {
        types = List.copyOf(types);
        for (String type : types) {
            if (!FileSignature.knows(type)) {
                throw new IllegalArgumentException("parkflow.casefile.documents.types: " + type
                        + " cannot be checked against its content; known: " + FileSignature.NAMES.keySet());
            }
        }
    }
}
