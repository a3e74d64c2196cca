package cn.parkflow.web;

import cn.parkflow.form.TextRules;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Our API's side of {@link TextRules}: every JSON text is checked and kept in NFC as it is read
 * (a text of spaces only becomes empty, so {@code @NotBlank} refuses U+3000), whole numbers are
 * not truncated ({@code 40.7} for an integer is refused), and every request parameter and
 * uploaded file name obeys the same rules; parameters (multipart text parts too) reach the
 * controllers in NFC ({@link NfcParameters}), and so do file names ({@link NfcMultipart}). A JSON body is limited to {@link #MAX_JSON_BYTES}.
 * Refusals are answered by {@link ProblemDetailsAdvice}, naming the field.
 */
@Configuration(proxyBeanMethods = false)
class InputHygiene implements WebMvcConfigurer {

    static final long MAX_JSON_BYTES = 1024 * 1024;

    /** Spring Boot installs every Jackson module bean in the application's ObjectMapper. */
    @Bean
    Module textRules() {
        return new SimpleModule("parkflow-text-rules").addDeserializer(String.class, new CleanText());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer wholeNumbers() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Right after the response headers and the outage answer, before anything reads a parameter. */
    @Bean
    FilterRegistrationBean<NfcParameters> nfcParameters() {
        FilterRegistrationBean<NfcParameters> registration = new FilterRegistrationBean<>(new NfcParameters());
        registration.setName("NfcParameters");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Under the name the DispatcherServlet looks for, so Spring Boot's resolver backs off; its limits stay. */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver(MultipartProperties multipart) {
        return new NfcMultipart(multipart.isResolveLazily());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CleanParameters()).addPathPatterns("/api/**");
    }

    /** A text that breaks a rule; Jackson adds the path of the field it was read for. */
    static final class TextRefused extends JsonMappingException {

        TextRefused(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    /** A parameter, part or file name that breaks a rule, or a body too large. */
    static final class InputRefused extends RuntimeException {

        final String field;
        final int status;

        InputRefused(String field, String reason, int status) {
            super(reason);
            this.field = field;
            this.status = status;
        }
    }

    private static final class CleanText extends StdScalarDeserializer<String> {

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String refused = TextRules.problem(text);
            if (refused != null) {
                throw new TextRefused(parser, refused);
            }
            return TextRules.normalize(text);
        }
    }

    private static final class CleanParameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String contentType = request.getContentType();
            if (contentType != null && contentType.toLowerCase().contains("json")
                    && request.getContentLengthLong() > MAX_JSON_BYTES) {
                throw new InputRefused("请求内容", "不能超过" + MAX_JSON_BYTES / 1024 + "KB",
                        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            }
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                check(parameter.getKey(), parameter.getKey());
                for (String value : parameter.getValue()) {
                    check(parameter.getKey(), value);
                }
            }
            if (request instanceof MultipartHttpServletRequest multipart) {
                for (MultipartFile file : multipart.getFileMap().values()) {
                    check(file.getName() + "（文件名）", file.getOriginalFilename());
                }
            }
            return true;
        }

        private static void check(String field, String text) {
            String refused = TextRules.problem(text);
            if (refused != null) {
                throw new InputRefused(field, refused, HttpServletResponse.SC_BAD_REQUEST);
            }
        }
    }
}
