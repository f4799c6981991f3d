"""Whole libraries at once: ``ebookgen batch`` builds every work of a list of sources on a pool of workers.

``sources.py`` turns the command line's sources and manifests into works, ``plan.py`` names each work's outputs
and its resume key, ``task.py`` builds one work (in whichever process the engine runs it), ``local.py`` and
``ray.py`` are the two engines, ``results.py`` keeps the results manifest, and ``run.py`` names the steps.
"""
