import Liquid
