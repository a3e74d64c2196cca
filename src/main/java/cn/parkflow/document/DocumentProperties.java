package cn.parkflow.document;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Official documents.
 *
 * @param issuers the issuing organs (发文机关) by the key a template names in {@code parkflow:issuer}:
 *                their full names as the documents print them
 */
@Validated
@ConfigurationProperties("parkflow.documents")
record DocumentProperties(@NotEmpty Map<String, String> issuers) {

    DocumentProperties {
        issuers = Map.copyOf(issuers);
    }
}
