"""IMDB Sentiment Lab engine: data, model, training, prediction and storage.

No Qt here, and importing this package does not import TensorFlow: modules that need it
import it inside the functions that build, train or load a model.
"""

__version__ = "0.1.0"
