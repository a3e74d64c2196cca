package cn.parkflow.approval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The steps a case may be returned to from a step (退回): the user steps of the same model that can
 * come before it (walking the sequence flows backwards, into and out of embedded sub-processes) and
 * that declare {@value StepProperties#RETURNABLE}.
 */
final class ReturnTargets {

    private ReturnTargets() {
    }

    /** Step id to step, in the order found (nearest first). */
    static Map<String, UserTask> of(BpmnModelInstance model, String fromStepId) {
        FlowNode from = model.getModelElementById(fromStepId);
        Map<String, UserTask> targets = new LinkedHashMap<>();
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>(predecessors(from));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof UserTask step && !step.getId().equals(fromStepId)
                    && StepProperties.of(step).returnable()) {
                targets.put(step.getId(), step);
            }
            queue.addAll(predecessors(node));
        }
        return targets;
    }

    private static Set<FlowNode> predecessors(FlowNode node) {
        Set<FlowNode> before = new HashSet<>(node.getPreviousNodes().list());
        if (node instanceof BoundaryEvent boundary) {
            before.add(boundary.getAttachedTo());
        }
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess parent) {
            before.add(parent);
        }
        for (FlowNode previous : Set.copyOf(before)) {
            if (previous instanceof SubProcess inner && !isAncestorOf(inner, node)) {
                before.addAll(inner.getChildElementsByType(FlowNode.class)); // a step came out of it: all inside came before
            }
        }
        return before;
    }

    private static boolean isAncestorOf(SubProcess scope, FlowNode node) {
        for (var parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == scope) {
                return true;
            }
        }
        return false;
    }
}
