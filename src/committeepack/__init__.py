"""committeepack: crime and disorder figures and narrative into Word committee papers."""

__version__ = "0.1.0"
