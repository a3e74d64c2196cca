package cn.parkflow.document;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sample data of every template, as the processes will give it, and what each must print. */
final class SampleDocuments {

    static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 28);

    /** A template's sample: its data, its number, and texts the PDF must contain. */
    record Sample(String template, Map<String, Object> data, String number, List<String> expected) {
    }

    private SampleDocuments() {
    }

    static List<Sample> all() {
        return List.of(
                new Sample("incubator-certificate", incubator(Map.of("trackLabel", "高质量孵化器",
                        "validFrom", "2026年11月28日", "validUntil", "2029年11月27日", "area", "12500",
                        "certificateNumber", "闵科孵认〔2026〕3号")),
                        "闵科孵认〔2026〕3号", List.of("认定证书", "闵行区高质量孵化器", "大零号湾智能制造孵化器",
                        "上海大零号湾科技创业服务有限公司", "2026年11月28日至2029年11月27日", "特发此证")),
                new Sample("incubator-public-notice", incubator(Map.of("noticeEndsAt", "2026年12月7日",
                        "proposed", List.of(
                                Map.of("incubatorName", "大零号湾智能制造孵化器", "operatorName", "上海大零号湾科技创业服务有限公司",
                                        "trackLabel", "高质量孵化器"),
                                Map.of("incubatorName", "紫竹数字创意孵化器", "operatorName", "上海紫竹创业孵化器有限公司",
                                        "trackLabel", "高质量培育孵化器")))),
                        "闵科孵公〔2026〕1号", List.of("关于拟认定闵行区高质量孵化器的公示", "紫竹数字创意孵化器",
                        "高质量培育孵化器", "至2026年12月7日17:30止", "匿名且无证据材料的异议不予受理")),
                new Sample("incubator-non-acceptance", incubator(Map.of("reason",
                        "补正后仍缺少场地证明（剩余租期不少于3年）和孵化资金证明。")),
                        "闵科孵决〔2026〕1号", List.of("不予受理决定书", "决定不予受理",
                        "补正后仍缺少场地证明", "申请行政复议")),
                new Sample("incubator-non-certification", incubator(Map.of("trackLabel", "高质量孵化器", "reason",
                        "专家评审平均分62.4分，低于70分。")),
                        "闵科孵决〔2026〕2号", List.of("不予认定决定书", "决定不予认定", "专家评审平均分62.4分")),
                new Sample("incubator-revocation", incubator(Map.of("trackLabel", "高质量孵化器",
                        "validFrom", "2024年11月28日", "certificateNumber", "闵科孵认〔2024〕5号",
                        "revocationReason", "该孵化器连续两年年度绩效评价为D（不合格）", "fraud", false)),
                        "闵科孵决〔2026〕3号", List.of("撤销", "认定的决定", "闵科孵认〔2024〕5号",
                        "连续两年年度绩效评价为D", "第十四条")),
                new Sample("keytask-supervision-order", Map.ofEntries(Map.entry("noticeNumber", "闵重点督〔2026〕3号"),
                        Map.entry("taskTitle", "打造数字经济特色产业"),
                        Map.entry("caseNumber", "KT-2026-0006"),
                        Map.entry("taskSource", "2026年度重点工作清单第6项（二、（三）6）"),
                        Map.entry("leadDepartmentName", "区经委"),
                        Map.entry("noticeLevelLabel", "黄色督办"),
                        Map.entry("itemDeadline", "2026年12月31日"),
                        Map.entry("noticeSituation", "当前状态黄色，已完成40%，最近一次报告逾期报送，下一节点2026年12月31日"),
                        Map.entry("noticeRule", "请于7个工作日内书面说明原因并完成整改"),
                        Map.entry("noticeRequirement", "季度报告逾期，请说明原因并整改。"),
                        Map.entry("noticeDueText", "2026年10月8日")),
                        "闵重点督〔2026〕3号", List.of("督办单", "区经委负责人：", "打造数字经济特色产业", "KT-2026-0006",
                        "黄色督办", "已完成40%", "7个工作日内", "2026年10月8日", "闵行区重点区域开发领导小组办公室")),
                assessment(),
                new Sample("ipcase-mediation-agreement", Map.of("claimant", "上海某智能装备有限公司",
                        "respondent", "某电子商务经营者王某", "disputeFacts",
                        "申请人认为被申请人在网店销售的产品使用了与其注册商标相近似的标识，双方就停止销售和赔偿数额发生争议。",
                        "terms", List.of(Map.of("text", "被申请人于本协议签订之日起三日内下架全部涉案商品。"),
                                Map.of("text", "被申请人向申请人支付赔偿金人民币三万元。")),
                        "performance", "赔偿金于2026年12月15日前一次性转账支付。", "mediator", "李调解"),
                        "闵知调〔2026〕1号", List.of("人民调解协议书", "上海某智能装备有限公司", "司法确认",
                        "上海市闵行区知识产权人民调解委员会")),
                new Sample("ipcase-decision-summary", Map.of("decisionNumber", "闵市监案处〔2026〕120号",
                        "party", "上海某贸易有限公司", "causeOfAction", "销售侵犯注册商标专用权的商品",
                        "facts", "当事人销售标有他人注册商标的运动鞋共计320双，货值金额4.8万元。",
                        "legalBasis", "《中华人民共和国商标法》第五十七条第三项、第六十条第二款",
                        "decision", "责令停止侵权行为，没收侵权商品，罚款人民币十四万四千元。", "decidedOn", "2026年11月20日"),
                        "闵市监知摘〔2026〕1号", List.of("行政决定摘要", "销售侵犯注册商标专用权的商品",
                        "第五十七条第三项", "上海市闵行区市场监督管理局")),
                new Sample("ipcase-monthly-statistics", Map.of("reportMonth", "2026年11月", "received", 23, "closed", 19,
                        "closedRate", "82.6%", "mediated", 8, "referred", 4, "remarks", "本月案件量环比上升15%，以商标侵权为主。",
                        "rows", List.of(
                                Map.of("type", "商标侵权", "received", 12, "closed", 10, "mediated", 5, "referred", 2, "averageDays", "6.5"),
                                Map.of("type", "专利侵权", "received", 7, "closed", 5, "mediated", 2, "referred", 1, "averageDays", "9.0"),
                                Map.of("type", "著作权侵权", "received", 4, "closed", 4, "mediated", 1, "referred", 1, "averageDays", "4.0"))),
                        "闵市监知统〔2026〕1号", List.of("2026年11月知识产权保护工作统计月报", "商标侵权", "著作权侵权",
                        "办结率82.6%")));
    }

    private static Sample assessment() {
        Map<String, Object> data = new HashMap<>(Map.of("year", 2026, "taskTitle", "重点发展高端装备主导产业",
                "caseNumber", "KT-2026-0005", "leadDepartmentName", "区经委", "taskTarget", "商业航天集聚区初具规模",
                "finalPercentDone", 100, "selfScore", 92, "assessedIndicatorValue", "1385", "assessmentScore", 86,
                "gradeLabel", "良好"));
        data.putAll(Map.of("awardEligible", true, "everRed", false, "taskFinished", true,
                "assessmentOpinion", "完成年度目标，产业集聚成效良好。"));
        return new Sample("keytask-assessment-result", data, "闵重点考〔2026〕1号", List.of(
                "关于2026年度重点任务考核评估结果的通知", "区经委：", "重点发展高端装备主导产业", "KT-2026-0005",
                "考核等级", "良好", "具备年度评优资格", "上海市闵行区科学技术委员会"));
    }

    private static Map<String, Object> incubator(Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(Map.of("incubatorName", "大零号湾智能制造孵化器",
                "operatorName", "上海大零号湾科技创业服务有限公司", "creditCode", "91310112MA1GBUG23E",
                "address", "上海市闵行区剑川路951号", "caseNumber", "INC-2026-0007", "caseOpenedOn", "2026年9月14日"));
        data.putAll(extra);
        return data;
    }
}
