from .decree import *  # noqa: F403
from .drafting import *  # noqa: F403
from .imports import *  # noqa: F403
