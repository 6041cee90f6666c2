
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n > 1);
    if (typeof v === 'boolean') {
      return v ? 1 : 0;
    } else {
      return v;
    }
  };
  

  /* gettext library */

  django.catalog = django.catalog || {};
  
  const newcatalog = {
    "%(count)s facility: %(names)s \u2014 show them separately": [
      "%(count)s structure : %(names)s \u2014 les afficher s\u00e9par\u00e9ment",
      "%(count)s structures : %(names)s \u2014 les afficher s\u00e9par\u00e9ment"
    ],
    "%(month)s %(day)s, %(year)s": "%(day)s %(month)s %(year)s",
    "%(sel)s of %(cnt)s selected": [
      "%(sel)s sur %(cnt)s s\u00e9lectionn\u00e9",
      "%(sel)s sur %(cnt)s s\u00e9lectionn\u00e9s"
    ],
    "%s (current selection)": "%s (s\u00e9lection actuelle)",
    "%s (today)": "%s (aujourd'hui)",
    "%s (today, current selection)": "%s (aujourd'hui, s\u00e9lection actuelle)",
    "%s selected option not visible": [
      "%s option s\u00e9lectionn\u00e9e invisible",
      "%s options s\u00e9lectionn\u00e9es invisibles"
    ],
    "(click to clear)": "(cliquer pour effacer)",
    "6 a.m.": "6:00",
    "6 p.m.": "18:00",
    "April": "Avril",
    "August": "Ao\u00fbt",
    "Available %s": "%s disponible(s)",
    "Cancel": "Annuler",
    "Choose %s by selecting them and then select the \"Choose\" arrow button.": "Choisissez %s en les s\u00e9lectionnant puis cliquez sur le bouton fl\u00e8che \u00ab\u00a0Choisir\u00a0\u00bb.",
    "Choose a Date": "Choisir une date",
    "Choose a Time": "Choisir une heure",
    "Choose a time": "Choisir une heure",
    "Choose all %s": "Choisir toutes les valeurs \u00ab\u00a0%s\u00a0\u00bb",
    "Choose selected %s": "Choisir les valeurs \u00ab\u00a0%s\u00a0\u00bb s\u00e9lectionn\u00e9es",
    "Chosen %s": "Choix des \u00ab\u00a0%s\u00a0\u00bb",
    "Country shapes: Natural Earth": "Contours des pays : Natural Earth",
    "December": "D\u00e9cembre",
    "Download PNG": "T\u00e9l\u00e9charger en PNG",
    "February": "F\u00e9vrier",
    "Filter": "Filtrer",
    "Friday": "vendredi",
    "January": "Janvier",
    "July": "Juillet",
    "June": "Juin",
    "March": "Mars",
    "May": "Mai",
    "Midnight": "Minuit",
    "Monday": "lundi",
    "Next (%(month)s %(year)s)": "Suivant (%(month)s %(year)s)",
    "Noon": "Midi",
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)": [
      "Note\u00a0: saisissez les heures dans le fuseau horaire %(timezone)s (vous \u00eates en avance de %(offset)s heure).",
      "Note\u00a0: saisissez les heures dans le fuseau horaire %(timezone)s (vous \u00eates en avance de %(offset)s heures)."
    ],
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)": [
      "Note\u00a0: saisissez les heures dans le fuseau horaire %(timezone)s (vous \u00eates en retard de %(offset)s heure).",
      "Note\u00a0: saisissez les heures dans le fuseau horaire %(timezone)s (vous \u00eates en retard de %(offset)s heures)."
    ],
    "November": "Novembre",
    "Now": "Maintenant",
    "October": "Octobre",
    "Previous (%(month)s %(year)s)": "Pr\u00e9c\u00e9dent (%(month)s %(year)s)",
    "Remove %s by selecting them and then select the \"Remove\" arrow button.": "Enlevez les valeurs \u00ab\u00a0%s\u00a0\u00bb en les s\u00e9lectionnant puis en cliquant sur le bouton fl\u00e8che \u00ab\u00a0Enlever\u00a0\u00bb.",
    "Remove all %s": "Enlever toutes les valeurs \u00ab\u00a0%s\u00a0\u00bb",
    "Remove selected %s": "Enlever les valeurs \u00ab\u00a0%s\u00a0\u00bb s\u00e9lectionn\u00e9es",
    "Saturday": "samedi",
    "September": "Septembre",
    "Sunday": "dimanche",
    "Synthetic data, for demonstration only": "Donn\u00e9es fictives, pour d\u00e9monstration uniquement",
    "The map could not be loaded. The list below shows the same facilities.": "La carte n\u2019a pas pu \u00eatre charg\u00e9e. La liste ci-dessous pr\u00e9sente les m\u00eames structures.",
    "Thursday": "jeudi",
    "Today": "Aujourd'hui",
    "Today (%(date)s)": "Aujourd'hui (%(date)s)",
    "Tomorrow": "Demain",
    "Tomorrow (%(date)s)": "Demain (%(date)s)",
    "Tuesday": "mardi",
    "Type into this box to filter down the list of available %s.": "\u00c9crivez dans cette zone pour filtrer la liste des \u00ab\u00a0%s\u00a0\u00bb disponibles.",
    "Type into this box to filter down the list of selected %s.": "\u00c9crivez dans cette zone pour filtrer la liste des \u00ab\u00a0%s\u00a0\u00bb s\u00e9lectionn\u00e9\u00b7e\u00b7s.",
    "Wednesday": "mercredi",
    "Yesterday": "Hier",
    "Yesterday (%(date)s)": "Hier (%(date)s)",
    "You have selected an action, and you haven\u2019t made any changes on individual fields. You\u2019re probably looking for the Run button rather than the Save button.": "Vous avez s\u00e9lectionn\u00e9 une action, et vous n'avez fait aucune modification sur des champs. Vous cherchez probablement le bouton Ex\u00e9cuter et non le bouton Enregistrer.",
    "You have selected an action, but you haven\u2019t saved your changes to individual fields yet. Please click OK to save. You\u2019ll need to re-run the action.": "Vous avez s\u00e9lectionn\u00e9 une action, mais vous n'avez pas encore enregistr\u00e9 certains champs modifi\u00e9s. Cliquez sur OK pour enregistrer. Vous devrez r\u00e9appliquer l'action.",
    "You have unsaved changes on individual editable fields. If you run an action, your unsaved changes will be lost.": "Vous avez des modifications non sauvegard\u00e9es sur certains champs \u00e9ditables. Si vous lancez une action, ces modifications vont \u00eatre perdues.",
    "Zoom in": "Zoom avant",
    "Zoom out": "Zoom arri\u00e8re",
    "abbrev. day Friday\u0004Fri": "ven",
    "abbrev. day Monday\u0004Mon": "lun",
    "abbrev. day Saturday\u0004Sat": "sam",
    "abbrev. day Sunday\u0004Sun": "dim",
    "abbrev. day Thursday\u0004Thur": "jeu",
    "abbrev. day Tuesday\u0004Tue": "mar",
    "abbrev. day Wednesday\u0004Wed": "mer",
    "abbrev. month April\u0004Apr": "avr",
    "abbrev. month August\u0004Aug": "ao\u00fb",
    "abbrev. month December\u0004Dec": "d\u00e9c",
    "abbrev. month February\u0004Feb": "f\u00e9v",
    "abbrev. month January\u0004Jan": "jan",
    "abbrev. month July\u0004Jul": "jui",
    "abbrev. month June\u0004Jun": "jun",
    "abbrev. month March\u0004Mar": "mar",
    "abbrev. month May\u0004May": "mai",
    "abbrev. month November\u0004Nov": "nov",
    "abbrev. month October\u0004Oct": "oct",
    "abbrev. month September\u0004Sep": "sep",
    "one letter Friday\u0004F": "V",
    "one letter Monday\u0004M": "L",
    "one letter Saturday\u0004S": "S",
    "one letter Sunday\u0004S": "D",
    "one letter Thursday\u0004T": "J",
    "one letter Tuesday\u0004T": "M",
    "one letter Wednesday\u0004W": "M",
    "server": "serveur"
  };
  for (const key in newcatalog) {
    django.catalog[key] = newcatalog[key];
  }
  

  if (!django.jsi18n_initialized) {
    django.gettext = function(msgid) {
      const value = django.catalog[msgid];
      if (typeof value === 'undefined') {
        return msgid;
      } else {
        return (typeof value === 'string') ? value : value[0];
      }
    };

    django.ngettext = function(singular, plural, count) {
      const value = django.catalog[singular];
      if (typeof value === 'undefined') {
        return (count == 1) ? singular : plural;
      } else {
        return value.constructor === Array ? value[django.pluralidx(count)] : value;
      }
    };

    django.gettext_noop = function(msgid) { return msgid; };

    django.pgettext = function(context, msgid) {
      let value = django.gettext(context + '\x04' + msgid);
      if (value.includes('\x04')) {
        value = msgid;
      }
      return value;
    };

    django.npgettext = function(context, singular, plural, count) {
      let value = django.ngettext(context + '\x04' + singular, context + '\x04' + plural, count);
      if (value.includes('\x04')) {
        value = django.ngettext(singular, plural, count);
      }
      return value;
    };

    django.interpolate = function(fmt, obj, named) {
      if (named) {
        return fmt.replace(/%\(\w+\)s/g, function(match){return String(obj[match.slice(2,-2)])});
      } else {
        return fmt.replace(/%s/g, function(match){return String(obj.shift())});
      }
    };


    /* formatting library */

    django.formats = {
    "DATETIME_FORMAT": "j F Y H:i",
    "DATETIME_INPUT_FORMATS": [
      "%d/%m/%Y %H:%M:%S",
      "%d/%m/%Y %H:%M:%S.%f",
      "%d/%m/%Y %H:%M",
      "%Y-%m-%d %H:%M:%S",
      "%Y-%m-%d %H:%M:%S.%f",
      "%Y-%m-%d %H:%M",
      "%Y-%m-%d"
    ],
    "DATE_FORMAT": "j F Y",
    "DATE_INPUT_FORMATS": [
      "%d/%m/%Y",
      "%d/%m/%y",
      "%Y-%m-%d"
    ],
    "DECIMAL_SEPARATOR": ",",
    "FIRST_DAY_OF_WEEK": 1,
    "MONTH_DAY_FORMAT": "j F",
    "NUMBER_GROUPING": 3,
    "SHORT_DATETIME_FORMAT": "d/m/Y H:i",
    "SHORT_DATE_FORMAT": "d/m/Y",
    "THOUSAND_SEPARATOR": "\u00a0",
    "TIME_FORMAT": "H:i",
    "TIME_INPUT_FORMATS": [
      "%H:%M:%S",
      "%H:%M:%S.%f",
      "%H:%M"
    ],
    "YEAR_MONTH_FORMAT": "F Y"
  };

    django.get_format = function(format_type) {
      const value = django.formats[format_type];
      if (typeof value === 'undefined') {
        return format_type;
      } else {
        return value;
      }
    };

    /* add to global namespace */
    globals.pluralidx = django.pluralidx;
    globals.gettext = django.gettext;
    globals.ngettext = django.ngettext;
    globals.gettext_noop = django.gettext_noop;
    globals.pgettext = django.pgettext;
    globals.npgettext = django.npgettext;
    globals.interpolate = django.interpolate;
    globals.get_format = django.get_format;

    django.jsi18n_initialized = true;
  }
};

