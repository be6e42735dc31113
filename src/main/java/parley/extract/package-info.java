/**
 * Reading new reporting: an article's raw text in, a draft source document out, every candidate
 * with the sentence it rests on, its confidence and the rule that proposed it.
 */
package parley.extract;
