"""The book's side of the window: the Keras code behind the settings, the review as numbers."""
