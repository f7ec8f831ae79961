#!/usr/bin/env bash
echo "step one"
echo "step two"
# <install>
    apt-get install docgen
# </install>
