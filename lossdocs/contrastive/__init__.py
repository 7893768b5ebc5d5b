"""Representation learning: pairwise, triplet, InfoNCE, SimCLR, CLIP, SigLIP, ArcFace, CosFace.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .arcface_loss import (
    arcface_loss,
)
from .batch_hard_triplet_loss import (
    batch_hard_triplet_loss,
)
from .clip_loss import (
    clip_loss,
)
from .contrastive_loss import (
    contrastive_loss,
)
from .cosface_loss import (
    cosface_loss,
)
from .cosine_embedding_loss import (
    cosine_embedding_loss,
)
from .hinge_embedding_loss import (
    hinge_embedding_loss,
)
from .info_nce import (
    info_nce,
    info_nce_grad,
)
from .margin_ranking_loss import (
    margin_ranking_loss,
)
from .nt_xent import (
    nt_xent,
)
from .siglip_loss import (
    siglip_loss,
)
from .triplet_margin_loss import (
    triplet_margin_loss,
)

__all__ = [
    "contrastive_loss",
    "triplet_margin_loss",
    "batch_hard_triplet_loss",
    "margin_ranking_loss",
    "cosine_embedding_loss",
    "hinge_embedding_loss",
    "nt_xent",
    "clip_loss",
    "siglip_loss",
    "arcface_loss",
    "cosface_loss",
    "info_nce",
    "info_nce_grad",
]
