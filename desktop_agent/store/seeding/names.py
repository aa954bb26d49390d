"""Name pools for generated people and companies: Faker draws them once per process, and every row after
that is a cheap pick from a tuple."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})


def _latin(name: str) -> str:
    return "".join(ch for ch in name.lower().translate(_TRANSLIT) if ch.isascii() and ch.isalnum())


_POOLS: dict[tuple, NamePools] = {}


@dataclass(frozen=True)
class NamePools:
    """Lists to draw from with rng.choice; a name listed more often is drawn more often."""

    ru_male: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # first, patronymic, last
    ru_female: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    en_male: tuple[str, ...]
    en_female: tuple[str, ...]
    en_last: tuple[str, ...]
    companies: dict[str, tuple[str, ...]]
    latin: dict[str, str]  # Russian name -> its Latin spelling, for e-mail addresses

    @classmethod
    def build(cls, seed: int, popular: dict[str, list[str]], size: int = 1000) -> NamePools:
        """Pools for a seed; built once per process (Faker is slow, the pools never change)."""
        key = (seed, size, tuple((sex, tuple(names)) for sex, names in sorted(popular.items())))
        pools = _POOLS.get(key)
        if pools is None:
            pools = _POOLS[key] = cls._build(seed, popular, size)
        return pools

    @classmethod
    def _build(cls, seed: int, popular: dict[str, list[str]], size: int) -> NamePools:
        from faker import Faker  # imported here: loading its locales costs time nobody else should pay

        ru, en = Faker("ru_RU"), Faker("en_US")
        ru.seed_instance(seed)
        en.seed_instance(seed)

        def draw(fn: Callable[[], str], n: int = size) -> tuple[str, ...]:
            return tuple(fn() for _ in range(n))

        def weighted(drawn: tuple[str, ...], common: list[str]) -> tuple[str, ...]:
            # the common names end up about three quarters of the pool
            return drawn + tuple(common) * max(1, 3 * len(drawn) // max(1, len(common)))

        stems = {n[:4] for n in popular.get("male", [])} | {"Павл"}
        male_mid = draw(ru.middle_name_male)
        female_mid = draw(ru.middle_name_female)
        ru_male = (weighted(draw(ru.first_name_male), popular.get("male", [])),
                   male_mid + tuple(m for m in male_mid if m[:4] in stems) * 6, draw(ru.last_name_male))
        ru_female = (weighted(draw(ru.first_name_female), popular.get("female", [])),
                     female_mid + tuple(m for m in female_mid if m[:4] in stems) * 6,
                     draw(ru.last_name_female))
        en_male, en_female, en_last = draw(en.first_name_male), draw(en.first_name_female), draw(en.last_name)
        names = {n for group in (ru_male, ru_female) for part in group for n in part}
        latin = {n: _latin(n) for n in names | set(en_male) | set(en_female) | set(en_last)}
        return cls(
            ru_male=ru_male, ru_female=ru_female,
            en_male=en_male, en_female=en_female, en_last=en_last,
            companies={"ru": draw(ru.company, 300), "en": draw(en.company, 300)},
            latin=latin,
        )
