package io.plus.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements a summarizer may write. Statements are read by the policy and the reward model
 * only through their text embeddings, so the bank can grow (a curated file, newly mined terms)
 * without retraining from scratch.
 */
public final class StatementBank {
    private final List<Statement> statements;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    public StatementBank(List<Statement> statements) {
        this.statements = List.copyOf(statements);
        for (int i = 0; i < this.statements.size(); i++) {
            if (indexById.put(this.statements.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate statement id " + this.statements.get(i).id());
            }
        }
        if (this.statements.isEmpty()) {
            throw new IllegalArgumentException("a statement bank needs at least one statement");
        }
    }

    public int size() {
        return statements.size();
    }

    public Statement get(int index) {
        return statements.get(index);
    }

    public List<Statement> all() {
        return statements;
    }

    public Optional<Statement> byId(String id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(statements.get(index));
    }

    public int indexOf(String id) {
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("no statement " + id + " in the bank");
        }
        return index;
    }

    /** The canonical texts, in bank order (what the policy embeds). */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            texts.add(statement.text());
        }
        return texts;
    }

    /** This bank with more statements appended (ids already present are skipped). */
    public StatementBank extendedWith(List<Statement> more) {
        List<Statement> all = new ArrayList<>(statements);
        for (Statement statement : more) {
            if (!indexById.containsKey(statement.id())) {
                all.add(statement);
            }
        }
        return new StatementBank(all);
    }
}
