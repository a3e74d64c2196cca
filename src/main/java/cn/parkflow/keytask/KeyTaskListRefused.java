package cn.parkflow.keytask;

import java.util.List;

/** A list (uploaded or drafted) that cannot be stored: one Chinese sentence per problem, each naming its row. */
class KeyTaskListRefused extends RuntimeException {

    private final List<String> problems;

    KeyTaskListRefused(List<String> problems) {
        super(String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
