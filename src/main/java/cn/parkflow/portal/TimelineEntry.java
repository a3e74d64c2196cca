package cn.parkflow.portal;

import cn.parkflow.casefile.CaseEvent;

/** One line of a case's timeline, its time in Asia/Shanghai. */
record TimelineEntry(String at, String actor, String step, String outcome) {

    static TimelineEntry of(CaseEvent event) {
        return new TimelineEntry(PortalCases.format(event.occurredAt()), event.actor(),
                event.task() == null ? event.action() : event.task(), event.outcome() == null ? "" : event.outcome());
    }
}
