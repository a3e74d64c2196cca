package cn.parkflow.casefile;

import org.springframework.stereotype.Component;

/** Case numbers {@code TYPE-YYYY-NNNN}, e.g. {@code INC-2026-0001}: one gap-free series per case type and year. */
@Component
class CaseNumberAllocator {

    private final NumberSeries series;

    CaseNumberAllocator(NumberSeries series) {
        this.series = series;
    }

    String next(String type, int year) {
        return "%s-%d-%04d".formatted(type, year, series.next(type, year));
    }
}
