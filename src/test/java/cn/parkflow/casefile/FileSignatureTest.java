package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type of an uploaded file is read from its first bytes, not taken from the request. */
class FileSignatureTest {

    @Test
    void shouldAcceptFilesWhoseFirstBytesMatchTheirType() {
        assertThat(FileSignature.matches("application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(FileSignature.matches("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).isTrue();
        assertThat(FileSignature.matches("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
        assertThat(FileSignature.matches("application/ofd", new byte[] {'P', 'K', 3, 4, 20})).isTrue();
    }

    @Test
    void shouldRefuseARenamedProgramAShortFileAndAnUnknownType() {
        assertThat(FileSignature.matches("application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(FileSignature.matches("application/pdf", "%PD".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FileSignature.matches("image/png", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FileSignature.matches("text/plain", "hello".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void shouldRefuseToConfigureATypeItCannotRecognise() {
        assertThatThrownBy(() -> new DocumentProperties(1024, List.of("application/pdf", "application/msword")))
                .hasMessageContaining("application/msword");
    }
}
