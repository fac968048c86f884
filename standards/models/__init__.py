from .drafting import *  # noqa: F403
