package cn.parkflow.incubator;

/** The attachments an application carries (DOMAIN.md §3). */
enum AttachmentKind {
    APPLICATION_FORM("申报书"),
    TORCH_STATISTICS("上年度火炬统计报表"),
    OPERATOR_LICENCE("运营机构营业执照"),
    SITE_PROOF("场地证明（剩余租期不少于3年）"),
    INCUBATEE_LIST("在孵企业名单"),
    FUND_PROOF("孵化资金证明"),
    MANAGEMENT_RULES("管理制度"),
    INTEGRITY_PLEDGE("诚信承诺书"),
    SUPPLEMENT("补正材料");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
