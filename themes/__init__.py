"""What each report talks about: jieba segmentation, policy-theme counts, distinctive keywords.

Text is converted to simplified script first (OpenCC), so a traditional-script report counts
the same as the others.
"""
