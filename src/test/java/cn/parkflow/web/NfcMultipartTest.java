package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Uploaded file names reach our controllers in NFC; a refused name reaches the refusal as sent. */
class NfcMultipartTest {

    @Test
    void shouldHandFileNamesOnInNfcAndLeaveARefusedOneAsSent() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases/INC-2026-0001/documents");
        request.setContentType("multipart/form-data; boundary=x");
        request.addPart(part("file", "Cafe\u0301 申报书.pdf"));
        request.addPart(part("other", "申报\u200b书.pdf"));
        request.addPart(part("blank", "\u3000\u00a0"));

        MultipartHttpServletRequest resolved = new NfcMultipart(false).resolveMultipart(request);

        assertThat(resolved.getFile("file").getOriginalFilename()).isEqualTo("Caf\u00e9 申报书.pdf");
        assertThat(resolved.getFileMap().get("file").getOriginalFilename()).isEqualTo("Caf\u00e9 申报书.pdf");
        assertThat(resolved.getFile("other").getOriginalFilename()).isEqualTo("申报\u200b书.pdf");
        assertThat(resolved.getFile("blank").getOriginalFilename()).isEmpty();
        assertThat(resolved.getFile("file").getSize()).isEqualTo(9);
    }

    private static MockPart part(String name, String fileName) {
        MockPart part = new MockPart(name, fileName, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        part.getHeaders().setContentType(org.springframework.http.MediaType.APPLICATION_PDF);
        return part;
    }
}
