package cn.parkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * The multipart resolver of our controllers: uploaded file names reach them as
 * {@link NfcParameters#clean} leaves a text (NFC, Unicode blank as empty); a name that breaks a
 * rule stays as sent, for {@link InputHygiene} to refuse naming the field. Text parts are request
 * parameters and pass {@link NfcParameters} already.
 */
final class NfcMultipart extends StandardServletMultipartResolver {

    private final boolean lazily;

    NfcMultipart(boolean lazily) {
        this.lazily = lazily;
        setResolveLazily(lazily);
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
        return new Request(request, lazily);
    }

    private static final class Request extends StandardMultipartHttpServletRequest {

        private boolean cleaned;

        Request(HttpServletRequest request, boolean lazily) {
            super(request, lazily);
        }

        /** Every accessor of the files (getFile, getFileMap …) reads them through here. */
        @Override
        protected MultiValueMap<String, MultipartFile> getMultipartFiles() {
            MultiValueMap<String, MultipartFile> files = super.getMultipartFiles();
            if (cleaned) {
                return files;
            }
            MultiValueMap<String, MultipartFile> named = new LinkedMultiValueMap<>();
            files.forEach((part, list) -> list.forEach(file -> named.add(part, new Named(file))));
            setMultipartFiles(named);
            cleaned = true;
            return super.getMultipartFiles();
        }
    }

    /** The file as uploaded, under its cleaned name. */
    private record Named(MultipartFile file) implements MultipartFile {

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public String getOriginalFilename() {
            return NfcParameters.clean(file.getOriginalFilename());
        }

        @Override
        public String getContentType() {
            return file.getContentType();
        }

        @Override
        public boolean isEmpty() {
            return file.isEmpty();
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public byte[] getBytes() throws IOException {
            return file.getBytes();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public void transferTo(File destination) throws IOException {
            file.transferTo(destination);
        }

        @Override
        public void transferTo(Path destination) throws IOException {
            file.transferTo(destination);
        }
    }
}
