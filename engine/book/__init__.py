"""The book's side of the app: the standalone Keras script behind the current settings."""
