package cn.parkflow.incubator;

import cn.parkflow.casefile.DocumentKind;
import java.util.Arrays;
import java.util.List;

/**
 * The attachments an application carries (DOMAIN.md §3), stored as the case's documents
 * ({@link IncubatorDocuments}). All but the supplement are required before the formal check can
 * find the application complete.
 */
enum AttachmentKind {
    APPLICATION_FORM("申报书", true),
    TORCH_STATISTICS("上年度火炬统计报表", true),
    OPERATOR_LICENCE("运营机构营业执照", true),
    SITE_PROOF("场地证明（剩余租期不少于3年）", true),
    INCUBATEE_LIST("在孵企业名单", true),
    FUND_PROOF("孵化资金证明", true),
    MANAGEMENT_RULES("管理制度", true),
    INTEGRITY_PLEDGE("诚信承诺书", true),
    SUPPLEMENT("补正材料", false);

    private final String label;
    private final boolean required;

    AttachmentKind(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    String label() {
        return label;
    }

    DocumentKind asDocumentKind() {
        return new DocumentKind(name(), label);
    }

    /** Codes of the kinds a complete application has. */
    static List<String> required() {
        return Arrays.stream(values()).filter(kind -> kind.required).map(AttachmentKind::name).toList();
    }
}
