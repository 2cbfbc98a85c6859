"""The development corpus: answer keys of real reports (``keys/``), their recipes and the
tune/check split. The texts themselves live in the git-ignored ``dev/corpus/``."""
