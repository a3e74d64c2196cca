package cn.parkflow.document;

import java.time.LocalDate;

/**
 * Dates as official documents print them. The date of issue (成文日期) is in Chinese numerals with
 * 〇 for zero, e.g. 二〇二六年十一月二十八日 (GB/T 9704-2012 7.3.5.1); dates in the text in Arabic
 * numerals, e.g. 2026年11月28日.
 */
final class ChineseDates {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseDates() {
    }

    /** 二〇二六年十一月二十八日 */
    static String ofIssue(LocalDate date) {
        StringBuilder year = new StringBuilder();
        String.valueOf(date.getYear()).chars().forEach(digit -> year.append(DIGITS.charAt(digit - '0')));
        return year + "年" + number(date.getMonthValue()) + "月" + number(date.getDayOfMonth()) + "日";
    }

    /** 2026年11月28日 */
    static String inText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1 to 31 as 一 … 十 … 二十八 … 三十一. */
    static String number(int value) {
        if (value < 1 || value > 99) {
            throw new IllegalArgumentException("not a month or day: " + value);
        }
        int tens = value / 10;
        int ones = value % 10;
        String prefix = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十";
        return prefix + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }
}
