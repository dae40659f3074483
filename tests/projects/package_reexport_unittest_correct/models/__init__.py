from .base import *
from .vanilla import *
