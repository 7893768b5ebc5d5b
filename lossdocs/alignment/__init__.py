"""Losses that align language models with preferences: reward models, DPO, PPO and GRPO."""

from .advantages import group_advantages
from .bradley_terry import bradley_terry_loss
from .dpo import dpo_loss
from .kl_estimators import kl_estimate
from .ppo import ppo_clip_loss

__all__ = [
    "bradley_terry_loss",
    "dpo_loss",
    "ppo_clip_loss",
    "group_advantages",
    "kl_estimate",
]
