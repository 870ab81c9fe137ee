"""The portal's user model, custom from the first migration so that accounts can grow without a swap."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    pass
