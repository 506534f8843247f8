"""``python -m committeepack`` runs the command line."""

from .cli import main

main()
