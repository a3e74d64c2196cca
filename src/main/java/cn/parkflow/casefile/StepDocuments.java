package cn.parkflow.casefile;

import java.util.List;

/**
 * The document kinds the worker of a user task may upload from it (e.g. the applicant's
 * 上传申报材料 step offers the application's kinds, 补正 every kind).
 *
 * @param processKey process definition key of the task
 * @param stepId     user task id
 * @param kinds      codes of the kinds, in the order the task offers them
 */
public record StepDocuments(String processKey, String stepId, List<String> kinds) {

    public StepDocuments {
        kinds = List.copyOf(kinds);
    }
}
