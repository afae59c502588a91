"""fileformat"""
