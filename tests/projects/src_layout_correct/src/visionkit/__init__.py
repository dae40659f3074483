from visionkit.ops import Downsample
