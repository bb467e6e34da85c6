#!/bin/sh
# Kopierar kursfilerna från avbilden till ~/kurs när en server startar (singleuser.lifecycleHooks.postStart
# i config.yaml). Bara det som inte redan finns kopieras, så en deltagares eget arbete skrivs aldrig över –
# som upphandlingskurs.hub.admin.hand_out_course på workshopservern. Vilka filer det är avgörs av avbilden (deltagare eller
# kursledare, se Dockerfile).
set -eu
kalla=${KURS_KURSFILER:-/opt/kurs/kursfiler}
mal=${HOME:-/home/jovyan}/kurs
mkdir -p "$mal"
for sokvag in "$kalla"/* "$kalla"/.[!.]*; do
  [ -e "$sokvag" ] || continue
  namn=$(basename "$sokvag")
  [ -e "$mal/$namn" ] || cp -R "$sokvag" "$mal/$namn"
done
