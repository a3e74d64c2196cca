package cn.parkflow.document;

import com.samskivert.mustache.Template;
import java.util.Map;

/**
 * One template of {@code classpath:documents/}, as its own {@code <head>} declares it:
 * {@code <title>} names the kind (认定证书), {@code <meta name="parkflow:…">} the issuing organ
 * ({@code issuer}, a key of {@code parkflow.documents.issuers}), the number's format
 * ({@code number}, e.g. {@code 闵科孵公〔{year}〕{n}号}) and series ({@code series}, default the
 * template id; several templates may count in one series), or the variable that already holds
 * the number ({@code number-variable}, e.g. a certificate numbered by its register).
 */
record DocumentTemplate(String id, String title, String issuer, String numberFormat, String series,
                        String numberVariable, Template body) {

    DocumentTemplate {
        if (numberVariable == null && (numberFormat == null || !numberFormat.contains("{n}"))) {
            throw new IllegalStateException("Document template " + id
                    + " declares neither parkflow:number-variable nor a parkflow:number with {n}");
        }
    }

    /** The {@code sequence}th number of {@code year}: 闵科孵公〔2026〕3号. */
    String number(int year, int sequence) {
        return numberFormat.replace("{year}", String.valueOf(year)).replace("{n}", String.valueOf(sequence));
    }

    String render(Map<String, Object> model) {
        return body.execute(model);
    }
}
