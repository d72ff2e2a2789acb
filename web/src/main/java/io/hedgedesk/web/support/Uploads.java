package io.hedgedesk.web.support;

import io.hedgedesk.domain.DomainException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reading an uploaded text file: present, within a size limit, strict UTF-8. */
public final class Uploads {

    /** The upload cannot be used; the message says why, for the page. */
    public static final class UnusableUploadException extends DomainException {
        UnusableUploadException(String message) {
            super("file", message);
        }
    }

    private Uploads() {}

    /**
     * The file's text.
     *
     * @param sizeLimit the most bytes accepted, with its wording for the message (e.g. "8 MB")
     * @throws UnusableUploadException no file, larger than {@code maxBytes}, or not UTF-8
     */
    public static String utf8(FileUpload file, long maxBytes, String sizeLimit) {
        if (file == null || file.uploadedFile() == null) {
            throw new UnusableUploadException("Choose a CSV file.");
        }
        if (file.size() > maxBytes) {
            throw new UnusableUploadException("The file is larger than " + sizeLimit + ".");
        }
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnusableUploadException("The file is not UTF-8 text.");
        } catch (IOException e) {
            throw new IllegalStateException("could not read the uploaded file", e);
        }
    }
}
