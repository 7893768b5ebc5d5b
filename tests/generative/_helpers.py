"""Inputs shared by the GAN tests."""

KINDS = ["minimax", "non_saturating", "wasserstein", "hinge", "least_squares"]
