"""A bilingual museum exhibit on the 1953–1954 Winter–Spring offensive and Điện Biên Phủ."""

__version__ = "0.1.0"
