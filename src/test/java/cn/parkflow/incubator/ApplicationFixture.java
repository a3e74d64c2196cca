package cn.parkflow.incubator;

import cn.parkflow.form.UnifiedCreditCode;
import java.util.HashMap;
import java.util.Map;

/** A qualifying incubator application, for tests here and in other packages (security probes). */
public final class ApplicationFixture {

    private ApplicationFixture() {
    }

    /** Meets every 第九条 threshold; the credit code starts with {@code first17}. */
    public static Map<String, Object> qualifying(String first17) {
        Map<String, Object> v = new HashMap<>();
        v.put("incubatorName", "零号湾创新孵化器");
        v.put("operatorName", "上海零号湾创业服务有限公司");
        v.put("creditCode", creditCode(first17));
        v.put("legalRepresentative", "张三");
        v.put("contactName", "李四");
        v.put("contactPhone", "13800138000");
        v.put("contactEmail", "lisi@example.com");
        v.put("address", "上海市闵行区剑川路100号");
        v.put("block", "ZEROBAY");
        v.put("requestedTrack", "HIGH_QUALITY");
        v.put("industryFocus", "脑机接口");
        v.put("foundingDate", "2020-05-01");
        v.put("statisticsYears", 3);
        v.put("area", 12000.0);
        v.put("incubateeArea", 10000.0);
        v.put("incubateeCount", 60);
        v.put("graduatedCount", 25);
        v.put("staffCount", 10);
        v.put("professionalStaffCount", 9);
        v.put("mentorCount", 8);
        v.put("fundSize", 800.0);
        v.put("financedCount", 10);
        v.put("patentApplicantCount", 35);
        v.put("validIpCount", 20);
        v.put("targets", "三年内培育高新技术企业30家，毕业企业40家。");
        v.put("integrityPledge", true);
        return v;
    }

    /** GB 32100-2015: the check character appended to the first 17 characters. */
    public static String creditCode(String first17) {
        return first17 + UnifiedCreditCode.checkCharacter(first17);
    }
}
