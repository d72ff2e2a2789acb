package io.hedgedesk.web.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON rules of the API: decimals are written as plain numbers ({@code 0.00004949}, never {@code 4.949E-5}); unknown
 * request fields are refused (nothing is bound that the request record does not name); a key given twice in one
 * object is refused; input size is bounded.
 *
 * <p>Without the duplicate check a repeated key was either bound silently (the last value won) or, when the request
 * record's every field came before the repeat, failed inside Jackson: a record is built as soon as its constructor has
 * all its arguments, and a later key can then only go to a setter, which a record lacks (an
 * {@code InvalidDefinitionException}, a server error). The parser now refuses the repeat before any binding.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(64)
                        .maxStringLength(100_000)
                        .maxNestingDepth(32)
                        .build());
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    /**
     * The key a body gave twice, as a path from the top of the body ({@code fills[1].size}), when that is why
     * {@code e} was thrown.
     */
    public static Optional<String> duplicateKey(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return Optional.of(m.group(1));
        }
        String path = "";
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName();
            path = step + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path;
        }
        return Optional.of(path.isEmpty() ? m.group(1) : path);
    }
}
