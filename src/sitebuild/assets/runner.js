// Placeholder: the controls of runnable examples (filled in by the runner work of issue 14).
