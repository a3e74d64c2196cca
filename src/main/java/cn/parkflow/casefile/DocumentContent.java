package cn.parkflow.casefile;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A stored file, as it is downloaded. */
public record DocumentContent(String fileName, String contentType, byte[] bytes) {

    /** The file as a download, its name in UTF-8 ({@code filename*=UTF-8''…}) so Chinese names survive. */
    public ResponseEntity<byte[]> asDownload() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
