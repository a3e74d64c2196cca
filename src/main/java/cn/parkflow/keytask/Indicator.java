package cn.parkflow.keytask;

import java.math.BigDecimal;
import java.util.List;

/**
 * One of the year's indicators (DOMAIN.md §6). {@code kind} says how quarterly actuals add up:
 * a STOCK is a count at a date (the latest counts), a FLOW is summed over the year, a RATIO is
 * never summed (the latest counts). {@code source} REGISTER means another process's register
 * measures it (the kernel's figure port) and nobody reports it by hand.
 */
record Indicator(String code, String name, String unit, String kind, BigDecimal target, BigDecimal baseline,
                 String owner, String source) {

    static final String STOCK = "STOCK";
    static final String FLOW = "FLOW";
    static final String RATIO = "RATIO";
    static final String REPORTED = "REPORTED";
    static final String REGISTER = "REGISTER";

    /** The 2026 indicators of the action plan (seed section 一), owners as DOMAIN.md §6, plus task 10's second target. */
    static final List<Indicator> PLAN_2026 = List.of(
            of("RD_INTENSITY", "园区企业研发经费支出占营业收入比重", "%", RATIO, "6.8", "stc", REPORTED),
            of("HIGH_TECH_FIRMS", "有效期内高新技术企业", "家", STOCK, "1550", "stc", REPORTED),
            of("UNICORN_CHAMPIONS", "“独角兽”“隐形冠军”企业", "家", STOCK, "8", "econ", REPORTED),
            of("PCT_APPLICATIONS", "PCT国际专利申请", "件", FLOW, "200", "amr", REPORTED),
            of("EMERGING_OUTPUT", "战略性新兴产业工业总产值", "亿元", FLOW, "1380", "econ", REPORTED),
            of("LEADING_INDUSTRIES", "三大先导产业总规模", "亿元", FLOW, "675", "econ", REPORTED),
            of("LABOUR_PRODUCTIVITY", "劳动生产率（人均增加值）", "万元/人", RATIO, "53.3", "stats", REPORTED),
            of("HIGH_QUALITY_INCUBATORS", "高质量孵化器", "家", STOCK, "2", "stc", REGISTER),
            of("LEADING_INDUSTRY_TALENT", "三大先导产业人才", "人", STOCK, "34000", "hrss", REPORTED),
            of("FUND_SCALE", "累计集聚基金规模", "亿元", STOCK, "350", "finance", REPORTED),
            of("UPGRADED_INCUBATORS", "转型升级孵化器", "家", STOCK, "10", "stc", REGISTER));

    private static Indicator of(String code, String name, String unit, String kind, String target, String owner,
                                String source) {
        return new Indicator(code, name, unit, kind, new BigDecimal(target), null, owner, source);
    }

    static boolean known(String code) {
        return PLAN_2026.stream().anyMatch(i -> i.code().equals(code));
    }
}
