"""Losses that align language models with preferences: reward models, DPO, PPO and GRPO."""

from .bradley_terry_loss import bradley_terry_loss
from .dpo_loss import dpo_loss
from .group_advantages import group_advantages
from .kl_estimate import kl_estimate
from .ppo_clip_loss import ppo_clip_loss

__all__ = [
    "bradley_terry_loss",
    "dpo_loss",
    "ppo_clip_loss",
    "group_advantages",
    "kl_estimate",
]
